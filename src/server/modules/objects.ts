import type { ObjectDefinition } from '../metadata/define-object.ts';
import { MetadataRegistry } from '../metadata/registry.ts';
import { booking } from './bookings/booking.ts';
import { resource } from './bookings/resource.ts';
import { activity } from './cases/activity.ts';
import { clientCase } from './cases/case.ts';
import { caseStage } from './cases/case-stage.ts';
import { note } from './cases/note.ts';
import { address } from './clients/address.ts';
import { company } from './clients/company.ts';
import { companyEmail, companyPhone } from './clients/company-contacts.ts';
import { bankAccount, financialYear } from './clients/finances.ts';
import { companyGroup, personGroup } from './clients/groups.ts';
import { person } from './clients/person.ts';
import { consent, personEmployment } from './clients/person-records.ts';
import { dictionaryValue } from './dictionaries/objects.ts';
import { department, workGroup } from './organisation/department.ts';
import { employee } from './organisation/employee.ts';
import { userAccount } from './organisation/user-account.ts';
import { exchangeRate } from './pricing/exchange-rate.ts';
import { priceList, priceListItem } from './pricing/price-list.ts';
import { product } from './pricing/product.ts';
import { taxRate } from './pricing/tax-rate.ts';
import { reminder } from './reminders/reminder.ts';
import { opportunity } from './sales/opportunity.ts';
import { salesTarget } from './sales/sales-target.ts';
import { salesScenario, salesStage } from './sales/scenario.ts';
import { stageHistory } from './sales/stage-history.ts';
import { task } from './tasks/task.ts';
import { taskChain, taskChainStep } from './tasks/task-chain.ts';
import { taskClaim } from './tasks/task-claim.ts';
import { taskRegister, taskTopic } from './tasks/task-register.ts';

/**
 * The objects every capability declares, gathered where the application is composed (like the
 * routes in app.ts): the records engine and the access layer only ever see this list.
 */
export const STANDARD_OBJECTS: ObjectDefinition[] = [
  dictionaryValue,
  department,
  employee,
  workGroup,
  userAccount,
  company,
  person,
  companyGroup,
  personGroup,
  address,
  companyPhone,
  companyEmail,
  financialYear,
  bankAccount,
  personEmployment,
  consent,
  // A merge of two companies moves what points at them in this order: cases before the
  // activities and notes that name a case, so these never point at a case of another company.
  clientCase,
  caseStage,
  activity,
  note,
  taskRegister,
  taskTopic,
  taskChain,
  taskChainStep,
  task,
  taskClaim,
  resource,
  booking,
  taxRate,
  exchangeRate,
  product,
  priceList,
  priceListItem,
  salesScenario,
  salesStage,
  opportunity,
  stageHistory,
  salesTarget,
  reminder,
];

export function standardRegistry(): MetadataRegistry {
  return new MetadataRegistry(STANDARD_OBJECTS);
}
