export { AssignmentRulesCard } from './AssignmentRulesCard';
