export { VinField } from './VinField';
