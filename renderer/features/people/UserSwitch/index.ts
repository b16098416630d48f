export { UserSwitch } from './UserSwitch';
