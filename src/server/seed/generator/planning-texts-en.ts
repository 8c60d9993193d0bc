import type { PlanningTexts } from './planning-texts.ts';

export const PLANNING_TEXTS_EN: PlanningTexts = {
  chains: {
    onboarding: {
      name: 'New client onboarding',
      description:
        'From the first handshake to the first invoice: started for a newly won client, each step comes when the one before is done.',
      steps: [
        'Welcome call to the new client',
        'Send the framework agreement for signature',
        'Issue the first invoice',
        'Follow-up call 30 days after the first order',
      ],
    },
    complaint: {
      name: 'Complaint handling',
      description:
        'A complaint from receipt to the client’s answer: accepted ones are put right, rejected ones are explained, and the client is asked how it went either way.',
      steps: [
        'Confirm receipt of the complaint',
        'Examine the complaint',
        'Replace the goods or refund the client',
        'Explain to the client why the complaint was rejected',
        'Ask the client whether the matter is settled',
      ],
    },
  },
  repeating: {
    weekly_plan: {
      title: 'Weekly sales plan review',
      note: 'Pipeline, open offers, who calls whom this week.',
    },
    month_report: { title: 'Send the monthly sales report', note: null },
    timesheet: { title: 'Fill in the timesheet', note: null },
    invoices: { title: 'Check unpaid invoices', note: 'Overdue over 14 days: call the client.' },
    complaints_inbox: { title: 'Look through the complaints inbox', note: null },
    car_insurance: { title: 'Renew the company car’s insurance', note: 'Ask for two quotes first.' },
  },
  aboutClient: [
    'Call {client} back about the offer',
    'Check whether {client} has paid the invoice',
    'Send {client} the signed contract',
    'Prepare for the meeting with {client}',
    'Ask {client} for feedback on the delivery',
    'Remind {client} about the price list for next year',
  ],
  personal: [
    'Submit the holiday request',
    'Order new business cards',
    'Back up the laptop',
    'Renew the parking permit',
    'Book the hotel for the trade fair',
    'Send the expense report',
  ],
  notes: ['Before noon if possible.', 'The number is in the client’s file.', 'Do not forget the attachment.'],
  resources: {
    large_room: {
      name: 'Thames room',
      description: 'The large meeting room: a table for twelve, a screen and a whiteboard.',
      location: 'First floor',
    },
    small_room: {
      name: 'Severn room',
      description: 'A small meeting room for talks with a client or the team.',
      location: 'First floor',
    },
    quiet_room: {
      name: 'Quiet room',
      description: 'For calls and interviews, two people at most.',
      location: 'Ground floor',
    },
    car: {
      name: 'Škoda Octavia (company car)',
      description: 'The keys are at the reception; fill in the logbook after each trip.',
      location: 'Car park, space 12',
    },
    projector: {
      name: 'Epson projector',
      description: 'Portable, with an HDMI cable and a remote; returned to the reception.',
      location: 'Reception',
    },
  },
  bookings: {
    room: [
      'Team meeting',
      'Sales weekly',
      'Job interview',
      'Training: the new CRM',
      'Budget review',
      'Call with the supplier',
    ],
    car: ['Delivery to a client', 'Trip to the bank', 'Picking up samples'],
    projector: ['Presentation for the management', 'Training for new colleagues'],
  },
  travelNote: 'Travel there and back included.',
};
