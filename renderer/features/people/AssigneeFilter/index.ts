export { AssigneeFilter, assigneeQuery, type AssigneeChoice } from './AssigneeFilter';
