// Imported by main.tsx, the start-up chunk: the first screen's reads leave before the app's code is even loaded.
import { startBoot } from './app/boot';

void startBoot();
