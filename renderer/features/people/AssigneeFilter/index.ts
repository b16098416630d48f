export { AssigneeFilter, type AssigneeChoice } from './AssigneeFilter';
