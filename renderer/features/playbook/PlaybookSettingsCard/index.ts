export { PlaybookSettingsCard } from './PlaybookSettingsCard';
