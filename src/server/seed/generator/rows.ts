// Row shapes the generator yields. Field names are the database column names, so a seeder can
// pass a row straight to an insert after swapping the *_code / *_index fields for real ids.

export type Country = 'PL' | 'HU' | 'GB';

export interface CompanyRow {
  name: string;
  short_name: string | null;
  tax_id: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  country: Country;
  /** Codes from INDUSTRY_CODES, COMPANY_STATUS_CODES, CATEGORY_CODES and CUSTOMER_TYPE_CODES. */
  industry_code: string;
  status_code: string;
  category_code: string;
  customer_type_code: string;
  employee_count: number | null;
  /** YYYY-MM-DD, relative to the reference date: some overdue, some ahead, some unset. */
  next_action_date: string | null;
  notes: string | null;
  /** 0-based index into the generated employees; always an active employee. */
  account_manager_index: number | null;
}

export interface PersonRow {
  /** 0-based index of the company; null for the ~5% of people without a company. */
  company_index: number | null;
  first_name: string;
  last_name: string;
  position: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  birth_date: string | null;
  notes: string | null;
}

export interface EmployeeRow {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  position: string;
  department: string;
  birth_date: string;
  hired_on: string;
  active: boolean;
}

export interface GroupRow {
  name: string;
  description: string | null;
}

/** [groupIndex, memberIndex]: both 0-based into the generated groups and companies/people. */
export type Membership = [groupIndex: number, memberIndex: number];

// ------------------------------------------------------------------ a client's work (cases…)
// Indexes: *_index into the generated companies, people and employees; *_number into the same
// company's cases or activities (ClientWork), which the loader swaps for ids.

/** Instants are ISO 8601 in UTC ("2026-11-23T09:30:00.000Z"), dates YYYY-MM-DD. */
export interface CaseStageRow {
  at: string;
  by_index: number | null;
  /** A CASE_STAGE_KIND_CODES code. */
  kind_code: string;
  note: string;
  /** A NEXT_ACTION_TYPE_CODES code; null with the date on a closed case's last stage. */
  next_action_type_code: string | null;
  next_action_date: string | null;
}

export interface CaseRow {
  company_index: number;
  topic: string;
  contact_index: number | null;
  lead_index: number | null;
  watcher_indexes: number[];
  /** Codes of case_status, case_type and case_priority. */
  status_code: string;
  type_code: string;
  priority_code: string;
  opened_on: string;
  due_on: string | null;
  closed_on: string | null;
  result: string | null;
  /** An open case's are its newest stage's; a closed case has none. */
  next_action_type_code: string | null;
  next_action_date: string | null;
  description: string | null;
  created_at: string;
  updated_at: string;
  /** Oldest first, on distinct days. */
  stages: CaseStageRow[];
}

export type ActivityStatus = 'planned' | 'done' | 'cancelled';

export interface ActivityRow {
  company_index: number;
  /** Into the company's cases; null when the activity belongs to no case. */
  case_number: number | null;
  /** An ACTIVITY_TYPE_CODES code. */
  type_code: string;
  title: string;
  starts_at: string;
  ends_at: string | null;
  all_day: boolean;
  organiser_index: number | null;
  status: ActivityStatus;
  outcome: string | null;
  /** Into the company's activities: always an earlier one, which started before this one. */
  previous_number: number | null;
  person_indexes: number[];
  employee_indexes: number[];
  created_at: string;
  updated_at: string;
}

export interface NoteRow {
  company_index: number;
  person_index: number | null;
  case_number: number | null;
  body: string;
  pinned: boolean;
  created_at: string;
}

/** Everything generated about one company's work with us. */
export interface ClientWork {
  company_index: number;
  cases: CaseRow[];
  activities: ActivityRow[];
  notes: NoteRow[];
}

// ------------------------------------------------------------------ tasks
// *_number: into the registers (TaskRegisterRow), a register's topics, the company's cases or
// the same tree's tasks, which the loader swaps for ids.

export interface TaskRegisterRow {
  name: string;
  /** `#rrggbb`, lower case, as the colour field stores it. */
  colour: string;
  description: string;
  keeper_index: number | null;
  /** Its readers: employees, departments (indexes of the OrganisationPlan), one demo work group. */
  member_indexes: number[];
  department_indexes: number[];
  /** A WorkGroupPlan key: the demo links it once its work groups exist; the benchmark has none. */
  work_group_key: string | null;
  /** Its topics' names. */
  topics: string[];
  created_at: string;
}

export interface TaskRow {
  register_number: number;
  topic_number: number | null;
  title: string;
  /** Rich text (HTML of the allow-list), or null. */
  description: string | null;
  /** Codes of task_status and task_priority. */
  status_code: string;
  priority_code: string;
  assignee_index: number | null;
  requester_index: number | null;
  watcher_indexes: number[];
  due_at: string | null;
  /** Set exactly when the status is a finished one (done, cancelled). */
  done_at: string | null;
  company_index: number | null;
  /** Into the company's cases (ClientWork.cases); only with company_index. */
  case_number: number | null;
  person_index: number | null;
  /** Into the same tree's tasks: always an earlier one. */
  parent_number: number | null;
  /** In basis points (whole per cent × 100), as task progress is kept; null without subtasks. */
  progress: number | null;
  created_at: string;
  updated_at: string;
}

/** A task with its subtasks at any depth, parents first; most trees are one task alone. */
export interface TaskTree {
  number: number;
  tasks: TaskRow[];
}

export {
  ACTIVITY_TYPE_CODES,
  CATEGORY_CODES,
  COMPANY_STATUS_CODES,
  CUSTOMER_TYPE_CODES,
  DICTIONARY_SEEDS,
  type DictionaryLabels,
  type DictionaryName,
  type DictionarySeed,
  INDUSTRY_CODES,
  PERSON_POSITION_CODES,
} from '../../modules/dictionaries/standard-values.ts';
