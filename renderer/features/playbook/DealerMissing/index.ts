export { DealerMissing } from './DealerMissing';
