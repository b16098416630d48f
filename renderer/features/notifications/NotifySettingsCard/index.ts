export { NotifySettingsCard } from './NotifySettingsCard';
