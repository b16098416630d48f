// The entry: a small chunk (app/boot.ts, platform/, the formats) that fires the first screen's reads as soon as the
// page has parsed, then loads the app (appMain.tsx) — whose ~750 kB take ~0.3 s to compile and evaluate, time the
// core uses to answer. The styles are linked from the page itself, so they load beside this chunk.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './bootStart';

void import('./appMain');
