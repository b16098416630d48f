export { NewLeadButton } from './NewLeadButton';
