export { LeadList } from './LeadList';
