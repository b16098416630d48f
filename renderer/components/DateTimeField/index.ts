export { DateTimeField, dayjsLocale, type Choice } from './DateTimeField';
