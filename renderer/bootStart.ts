// Imported first by main.tsx: the start-up reads leave while the rest of the bundle is still being evaluated.
import { startBoot } from './app/boot';

void startBoot();
