export { NewLeadScreen } from './NewLeadScreen';
