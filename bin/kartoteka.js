#!/usr/bin/env node
// The `kartoteka` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli.ts');
