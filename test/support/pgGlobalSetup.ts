// vitest globalSetup: one PostgreSQL cluster per test run, started only if a test file asks for one
// (test/support/pgDatabase.ts: the first file to ask starts it under a lock, the others reuse its URL), stopped here.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { stopPgCluster } from './pgCluster';

export default function setup(project: TestProject): () => void {
  const state = mkdtempSync(join(tmpdir(), 'aslm-pg-run-'));
  project.provide('pgStateDir', state);
  return () => {
    try {
      const cluster = join(state, 'cluster');
      if (existsSync(cluster)) stopPgCluster(readFileSync(cluster, 'utf8'));
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  };
}
