export { LeadHeader } from './LeadHeader';
