export { BusinessRulesCard } from './BusinessRulesCard';
