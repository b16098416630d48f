export { TemporaryPasswords } from './TemporaryPasswords';
