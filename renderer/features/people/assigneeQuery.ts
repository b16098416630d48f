// The list query of an assignee filter value, without React (shared with the core's start-up reads, shell.boot).
export { assigneeQuery, type AssigneeChoice } from '../../../shared/contract/listQuery';
