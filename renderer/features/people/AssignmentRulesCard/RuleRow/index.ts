export { RuleRow } from './RuleRow';
