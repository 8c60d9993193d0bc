// English (UK) word lists. A few Irish and Welsh names (Seán, Siân, Zoë, O'Brien) keep
// diacritics and apostrophes in the mix for the e-mail and search code paths.
import type { IndustryCode } from '../../modules/dictionaries/standard-values.ts';

// biome-ignore format: word list, packed to keep the file readable
export const EN_MALE_FIRST_NAMES = [
  'Oliver', 'George', 'Harry', 'Jack', 'Jacob', 'Noah', 'Charlie', 'Thomas', 'Oscar', 'William', 'James', 'Henry',
  'Leo', 'Alfie', 'Joshua', 'Freddie', 'Archie', 'Ethan', 'Isaac', 'Alexander', 'Joseph', 'Edward', 'Samuel',
  'Daniel', 'Benjamin', 'Lucas', 'Max', 'Arthur', 'Theo', 'Matthew', 'David', 'Richard', 'Michael', 'Christopher',
  'Andrew', 'Paul', 'Mark', 'Stephen', 'Simon', 'Ian', 'Gareth', 'Rhys', 'Callum', 'Hamish', 'Ewan', 'Seán',
  'Dylan', 'Owain', 'Ciarán', 'Rory',
] as const;

// biome-ignore format: word list, packed to keep the file readable
export const EN_FEMALE_FIRST_NAMES = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Emily', 'Sophia', 'Grace', 'Mia', 'Poppy', 'Ella', 'Lily', 'Evie',
  'Isabella', 'Charlotte', 'Jessica', 'Sophie', 'Alice', 'Freya', 'Florence', 'Harriet', 'Emma', 'Sarah',
  'Rebecca', 'Laura', 'Hannah', 'Rachel', 'Eleanor', 'Catherine', 'Victoria', 'Elizabeth', 'Margaret', 'Fiona',
  'Eilidh', 'Niamh', 'Siân', 'Zoë', 'Chloë', 'Bethan', 'Megan', 'Ffion', 'Aoife', 'Renée', 'Imogen', 'Ruby',
] as const;

// biome-ignore format: word list, packed to keep the file readable
export const EN_SURNAMES = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts',
  'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris',
  'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark',
  'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker',
  'Price', 'Bennett', 'Young', 'Griffiths', 'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey',
  'Collins', 'Bell', 'Shaw', 'Murphy', 'Miller', 'Cox', 'Richards', 'Khan', 'Marshall', 'Anderson', 'Simpson',
  'Ellis', 'Adams', 'Singh', 'Wilkinson', 'Foster', 'Chapman', 'Powell', 'Webb', 'Rogers', 'Gray', 'Mason',
  'Hunt', 'Hussain', 'Campbell', 'Matthews', 'Owen', 'Palmer', 'Holmes', 'Mills', 'Barnes', 'Knight', 'Lloyd',
  'Butler', 'Russell', 'Barker', 'Fisher', 'Stevens', 'Jenkins', "O'Brien", "O'Connor", 'MacDonald', 'McKenzie',
  'Ó Briain', 'Brontë', 'Featherstonehaugh', 'Llewellyn', 'Ap Rhys',
] as const;

export interface UkCity {
  name: string;
  region: string;
  /** Real outward codes of the city's postcode districts. */
  outward: readonly string[];
  /** Area code without the leading zero. */
  area: string;
}

// biome-ignore format: word list, packed to keep the file readable
export const UK_CITIES: readonly UkCity[] = [
  { name: 'London', region: 'Greater London', outward: ['EC1A', 'EC2M', 'EC4M', 'WC2N', 'W1D', 'SW1A', 'SE1', 'E14', 'N1', 'NW1'], area: '20' },
  { name: 'Manchester', region: 'North West', outward: ['M1', 'M2', 'M3', 'M4', 'M15', 'M60'], area: '161' },
  { name: 'Birmingham', region: 'West Midlands', outward: ['B1', 'B2', 'B3', 'B4', 'B5'], area: '121' },
  { name: 'Leeds', region: 'Yorkshire and the Humber', outward: ['LS1', 'LS2', 'LS11'], area: '113' },
  { name: 'Glasgow', region: 'Scotland', outward: ['G1', 'G2', 'G3'], area: '141' },
  { name: 'Edinburgh', region: 'Scotland', outward: ['EH1', 'EH2', 'EH3'], area: '131' },
  { name: 'Bristol', region: 'South West', outward: ['BS1', 'BS2'], area: '117' },
  { name: 'Liverpool', region: 'North West', outward: ['L1', 'L2', 'L3'], area: '151' },
  { name: 'Sheffield', region: 'Yorkshire and the Humber', outward: ['S1', 'S2', 'S3'], area: '114' },
  { name: 'Newcastle upon Tyne', region: 'North East', outward: ['NE1', 'NE2'], area: '191' },
  { name: 'Nottingham', region: 'East Midlands', outward: ['NG1', 'NG2'], area: '115' },
  { name: 'Leicester', region: 'East Midlands', outward: ['LE1', 'LE2'], area: '116' },
  { name: 'Cardiff', region: 'Wales', outward: ['CF10', 'CF11'], area: '29' },
  { name: 'Belfast', region: 'Northern Ireland', outward: ['BT1', 'BT2'], area: '28' },
  { name: 'Cambridge', region: 'East of England', outward: ['CB1', 'CB2'], area: '1223' },
  { name: 'Oxford', region: 'South East', outward: ['OX1', 'OX2'], area: '1865' },
  { name: 'Reading', region: 'South East', outward: ['RG1', 'RG2'], area: '118' },
  { name: 'Brighton', region: 'South East', outward: ['BN1', 'BN2'], area: '1273' },
  { name: 'Southampton', region: 'South East', outward: ['SO14', 'SO15'], area: '23' },
  { name: 'Aberdeen', region: 'Scotland', outward: ['AB10', 'AB11'], area: '1224' },
  { name: 'York', region: 'Yorkshire and the Humber', outward: ['YO1'], area: '1904' },
  { name: 'Bath', region: 'South West', outward: ['BA1', 'BA2'], area: '1225' },
  { name: 'Norwich', region: 'East of England', outward: ['NR1', 'NR2'], area: '1603' },
  { name: 'Exeter', region: 'South West', outward: ['EX1', 'EX4'], area: '1392' },
  { name: 'Milton Keynes', region: 'South East', outward: ['MK9'], area: '1908' },
  { name: 'Coventry', region: 'West Midlands', outward: ['CV1'], area: '24' },
  { name: 'Plymouth', region: 'South West', outward: ['PL1', 'PL4'], area: '1752' },
  { name: 'Swansea', region: 'Wales', outward: ['SA1'], area: '1792' },
  { name: 'Dundee', region: 'Scotland', outward: ['DD1'], area: '1382' },
  { name: 'Inverness', region: 'Scotland', outward: ['IV1', 'IV2'], area: '1463' },
  { name: 'Derby', region: 'East Midlands', outward: ['DE1'], area: '1332' },
  { name: 'Stoke-on-Trent', region: 'West Midlands', outward: ['ST1', 'ST4'], area: '1782' },
  { name: 'Kingston upon Hull', region: 'Yorkshire and the Humber', outward: ['HU1', 'HU2'], area: '1482' },
];

/** Letters allowed in the last two characters of a postcode (no C, I, K, M, O, V). */
export const UK_INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

// biome-ignore format: word list, packed to keep the file readable
export const UK_STREETS = [
  'High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Green Lane', 'Manor Road', 'Park Road',
  'Queen Street', 'King Street', 'Mill Lane', 'London Road', 'The Crescent', 'Albert Road', 'Castle Street',
  'Bridge Street', 'Market Square', 'Princes Street', 'Deansgate', 'Briggate', 'Oxford Road', 'Bold Street',
  'Baker Street', 'Fleet Street', 'Regent Street', 'Chapel Street', 'Sandy Lane', 'Kingsway', 'Riverside Way',
  'Commercial Road', 'Harbour Road', 'Wharf Street', 'Canal Side', 'St Mary’s Gate', 'Whitefriargate',
] as const;

// biome-ignore format: word list, packed to keep the file readable
export const UK_BUSINESS_PARKS = [
  'Riverside Business Park', 'Meridian Business Park', 'Cedar Court', 'Enterprise House', 'Pioneer Point',
  'Kingfisher Court', 'Phoenix Park', 'Station Yard', 'The Old Mill',
] as const;

// biome-ignore format: word list, packed to keep the file readable
export const UK_BRAND_STEMS = [
  'Thames', 'Pennine', 'Northern', 'Albion', 'Crown', 'Riverside', 'Oakwood', 'Kingsway', 'Meridian', 'Harbour',
  'Summit', 'Brightwater', 'Redbrick', 'Ashford', 'Westfield', 'Greenfield', 'Highland', 'Caledonian', 'Cambrian',
  'Mercia', 'Wessex', 'Anglia', 'Severn', 'Cotswold', 'Chiltern', 'Heritage', 'Sterling', 'Beacon', 'Lakeland',
  'Moorland', 'Trident', 'Pinnacle', 'Bluebell', 'Kestrel', 'Saxon', 'Tudor', 'Clyde', 'Mersey', 'Tyne', 'Solent',
  'Avon', 'Trent', 'Ouse', 'Medway', 'Wye', 'Tamar', 'Fenland', 'Dales', 'Peak', 'Downs', 'Weald', 'Mendip',
  'Malvern', 'Quantock', 'Exmoor', 'Kielder', 'Cairngorm', 'Snowdon', 'Brecon', 'Gower', 'Lomond', 'Ness',
] as const;

/** Second words of two-word brands: "Pennine Valley", "Thames Gate". */
export const UK_BRAND_SUFFIXES = [
  'Valley',
  'Gate',
  'Bridge',
  'Park',
  'House',
  'Field',
  'Point',
  'Way',
  'Hill',
  'Vale',
  'Cross',
  'Green',
  'Star',
  'Line',
  'Works',
  'Wood',
  'Stone',
  'Brook',
  'Water',
  'Light',
  'Ridge',
  'Court',
  'Mill',
  'Yard',
  'Quay',
  'Forge',
  'Lodge',
  'Moor',
  'Haven',
  'Edge',
] as const;

/** Words added after a brand: "Pennine Valley Foods Direct". */
export const UK_NAME_QUALIFIERS = [
  'Group',
  'Solutions',
  'Services',
  'Holdings',
  'International',
  'UK',
  'Partners',
  'Direct',
  'Associates',
  'Enterprises',
  'Global',
  'Bros',
  'Co',
  'Specialists',
  'Northern',
  'Southern',
  'Midlands',
  'Scotland',
  'Wales',
  'Europe',
] as const;

// biome-ignore format: word list, packed to keep the file readable
export const UK_ACTIVITIES: readonly (readonly [string, IndustryCode])[] = [
  ['Logistics', 'logistics'],
  ['Freight', 'logistics'],
  ['Haulage', 'logistics'],
  ['Engineering', 'manufacturing'],
  ['Manufacturing', 'manufacturing'],
  ['Packaging', 'manufacturing'],
  ['Print', 'manufacturing'],
  ['Software', 'software'],
  ['Digital', 'software'],
  ['Systems', 'software'],
  ['Consulting', 'professional_services'],
  ['Recruitment', 'professional_services'],
  ['Accountancy', 'professional_services'],
  ['Construction', 'construction'],
  ['Builders', 'construction'],
  ['Interiors', 'construction'],
  ['Foods', 'agriculture'],
  ['Farms', 'agriculture'],
  ['Brewery', 'agriculture'],
  ['Energy', 'energy'],
  ['Solar', 'energy'],
  ['Healthcare', 'healthcare'],
  ['Pharmacy', 'healthcare'],
  ['Dental Care', 'healthcare'],
  ['Supplies', 'wholesale'],
  ['Trading', 'wholesale'],
  ['Wholesale', 'wholesale'],
  ['Retail', 'retail'],
  ['Stores', 'retail'],
  ['Hotels', 'hospitality'],
  ['Inns', 'hospitality'],
  ['Catering', 'hospitality'],
  ['Finance', 'finance'],
  ['Insurance Brokers', 'finance'],
  ['Capital', 'finance'],
];

export const UK_LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ['Ltd', 78],
  ['Limited', 8],
  ['PLC', 4],
  ['LLP', 10],
];

export const UK_COMPANY_EMAIL_PREFIXES = ['info', 'hello', 'enquiries', 'office', 'sales'] as const;

export const UK_COMPANY_NOTES = [
  'Prefers a phone call in the morning.',
  'Looking to expand the contract next quarter.',
  'Always pays on time.',
  'Quote sent, awaiting reply.',
  'Purchasing decisions are made by the board.',
  'Met at the trade show at the NEC in Birmingham.',
  'Wants invoices by e-mail only.',
  'Note: moving to a new registered office this year.',
  '5% discount on orders over £10,000.',
  'Contact through the front desk only.',
  'Last month’s invoice is overdue – send a reminder.',
  'Big potential but a slow decision process.',
] as const;

export const UK_PERSON_NOTES = [
  'Prefers e-mail.',
  'Met at a conference in Manchester.',
  'Birthday in December – send a card.',
  'Very direct, dislikes long meetings.',
  'Signs off equipment purchases.',
  'Recommended us to several contacts.',
] as const;

// biome-ignore format: word list, packed to keep the file readable
export const UK_EMPLOYEE_ROLES: readonly { department: string; positions: readonly string[] }[] = [
  { department: 'Sales', positions: ['Sales Executive', 'Sales Manager', 'Account Manager'] },
  { department: 'Customer Service', positions: ['Customer Service Advisor', 'Customer Success Manager'] },
  { department: 'Marketing', positions: ['Marketing Executive', 'Head of Marketing'] },
  { department: 'Accounts', positions: ['Accounts Assistant', 'Finance Manager'] },
  { department: 'Management', positions: ['Managing Director', 'Operations Director'] },
  { department: 'IT', positions: ['Systems Administrator', 'Software Developer'] },
  { department: 'Logistics', positions: ['Warehouse Operative', 'Logistics Coordinator'] },
];
