export { Indicators } from './Indicators';
