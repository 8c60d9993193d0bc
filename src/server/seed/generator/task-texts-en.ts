import type { TaskTexts } from './task-texts.ts';

export const TASK_TEXTS_EN: TaskTexts = {
  registers: {
    sales: {
      name: 'Sales',
      description: 'Offers, trade fairs and new clients: the sales team’s to-dos.',
      topics: [
        {
          name: 'Offers',
          titles: [
            'Prepare an offer for {client}',
            'Send the updated price list to {client}',
            'Call {client} about the offer',
            'Agree the discount for {client} with the manager',
            'Follow up the unanswered offer to {client}',
            'Prepare samples for {client}',
          ],
        },
        {
          name: 'Trade fairs',
          titles: [
            'Book hotel rooms for the fair team',
            'Order promotional gadgets',
            'Update the company presentation',
            'Collect the leads from the last fair',
            'Compare stand offers for next season',
          ],
        },
        {
          name: 'New clients',
          titles: [
            'Send the framework contract to {client}',
            'Welcome call with {client}',
            'Set up the payment terms of {client}',
            'Introduce {client} to the service team',
            'Add {client} to the newsletter',
          ],
        },
      ],
    },
    complaints: {
      name: 'Complaints',
      description: 'Complaints from clients, handled step by step until the client has an answer.',
      topics: [
        {
          name: 'Delivery',
          titles: [
            'Check the damaged delivery to {client}',
            'Ask the carrier about the late delivery to {client}',
            'Send the missing items to {client}',
            'Get photos of the damage from {client}',
          ],
        },
        {
          name: 'Quality',
          titles: [
            'Send the faulty batch of {client} for testing',
            'Ask the supplier about the defect {client} reported',
            'Replace the faulty unit of {client}',
          ],
        },
        {
          name: 'Invoicing',
          titles: [
            'Correct the invoice of {client}',
            'Issue a credit note to {client}',
            'Explain the invoice items to {client}',
          ],
        },
      ],
    },
    internal: {
      name: 'Internal',
      description: 'Reports, planning and the team’s own matters.',
      topics: [
        {
          name: 'Reports and planning',
          titles: [
            'Prepare the monthly sales report',
            'Update the sales forecast',
            'Plan the budget for next quarter',
            'Review the list of overdue invoices',
          ],
        },
        {
          name: 'People and training',
          titles: [
            'Organise the CRM training for new staff',
            'Collect the holiday plans',
            'Prepare the induction plan for the new colleague',
            'Book the first-aid course',
          ],
        },
        {
          name: 'Team',
          titles: [
            'Prepare the agenda of the team meeting',
            'Organise the team day',
            'Sum up the client satisfaction survey',
          ],
        },
      ],
    },
    office: {
      name: 'Office and IT',
      description: 'Equipment, accounts and everything the office needs.',
      topics: [
        {
          name: 'Equipment',
          titles: [
            'Order two laptops for the sales team',
            'Replace the projector in the meeting room',
            'Have the first-floor printer repaired',
            'Return the old phones to the leasing company',
          ],
        },
        {
          name: 'Access and software',
          titles: [
            'Create the accounts of the new colleague',
            'Renew the antivirus licences',
            'Turn on two-step sign-in for the sales team',
            'Remove the access of colleagues who left',
          ],
        },
        {
          name: 'Office',
          titles: [
            'Order office supplies',
            'Book the meeting room for the supplier’s visit',
            'Arrange the cleaning during the holidays',
            'Renew the parking permits',
          ],
        },
      ],
    },
  },
  descriptions: [
    'Agreed at the Monday meeting.',
    'Details in the e-mail thread.',
    'The client expects an answer this week.',
    'Ask me if anything is unclear.',
    'We did the same last March: see the notes from then.',
    'The budget is approved by the manager.',
  ],
  checklist: [
    'check the earlier correspondence',
    'agree the date',
    'note the outcome in the CRM',
    'tell the account manager',
    'attach the documents',
  ],
  fairs: [
    'Office Technology Expo {year}',
    'Logistics and Warehousing Fair {year}',
    'Business Services Show {year}',
  ],
  trees: {
    trade_fair: {
      title: 'Trade fair: {fair}',
      children: [
        { title: 'Book the stand' },
        {
          title: 'Stand',
          children: [
            { title: 'Design the stand graphics' },
            { title: 'Order the stand build' },
            { title: 'Print the roll-ups' },
          ],
        },
        {
          title: 'Materials',
          children: [
            { title: 'Update the product leaflets' },
            { title: 'Print the leaflets' },
            { title: 'Prepare samples' },
          ],
        },
        {
          title: 'Clients',
          children: [
            { title: 'Send the invitations' },
            { title: 'Arrange meetings at the stand' },
            { title: 'Follow up the contacts made at the fair' },
          ],
        },
      ],
    },
    onboarding: {
      title: 'New client: {client}',
      children: [
        { title: 'Sign the contract' },
        {
          title: 'Set up the client',
          children: [
            { title: 'Enter the billing details' },
            { title: 'Agree the payment terms' },
            { title: 'Give access to the client panel' },
          ],
        },
        {
          title: 'Kick-off meeting',
          children: [{ title: 'Agree the date with the client' }, { title: 'Prepare the presentation' }],
        },
        {
          title: 'First order',
          children: [{ title: 'Confirm the first order' }, { title: 'Check the first delivery' }],
        },
      ],
    },
    complaint: {
      title: 'Complaint of {client}',
      children: [
        { title: 'Register the complaint' },
        {
          title: 'Investigate',
          children: [
            { title: 'Check the delivery documents' },
            { title: 'Ask the warehouse' },
            { title: 'Ask the supplier' },
          ],
        },
        { title: 'Answer the client' },
        {
          title: 'Settle',
          children: [{ title: 'Issue the credit note' }, { title: 'Send the replacement' }],
        },
      ],
    },
  },
};
