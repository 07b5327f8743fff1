/**
 * One-time set-up of the n8n-core services that the execution engine looks up in its DI
 * container (`@n8n/di`). This mirrors what n8n's own test helpers do:
 *
 * - `InstanceSettings` is the real class. It reads/creates `<N8N_USER_FOLDER>/.n8n/config`
 *   (encryption key, instance id, HMAC secret), so unless `N8N_USER_FOLDER` is already set we
 *   point it at a per-process temporary folder that is removed on exit.
 * - `Logger` (from `@n8n/backend-common`) is replaced by a quiet logger. Set
 *   `N8N_HARNESS_LOG=debug|info|warn|error` to see n8n's log lines on the console.
 * - `ErrorReporter` is replaced by a collector: n8n reports every node error to it (Sentry in
 *   production); by default that would print stack traces for expected test failures.
 * - `SSHClientsManager` and `ScheduledTaskManager` (created by every trigger/poll context) start
 *   housekeeping intervals; we create them up front and `unref()` those timers so a test
 *   process can exit.
 * - `BinaryDataService` is left un-initialised, which makes binary data "in memory" (base64
 *   inside the item), exactly like n8n's `nodes-testing` harness.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ErrorReporter, InstanceSettings } from 'n8n-core';
import { ScheduledTaskManager } from 'n8n-core/dist/execution-engine/scheduled-task-manager';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import { LoggerProxy } from 'n8n-workflow';

type Level = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Level[] = ['debug', 'info', 'warn', 'error'];

/** The last 100 errors n8n-core handed to its ErrorReporter (newest last), for debugging a test. */
export const reportedErrors: unknown[] = [];

function makeLogger() {
	const wanted = process.env.N8N_HARNESS_LOG as Level | undefined;
	const min = wanted && LEVELS.includes(wanted) ? LEVELS.indexOf(wanted) : LEVELS.length;
	const log =
		(level: Level) =>
		(message: string, meta?: object): void => {
			if (LEVELS.indexOf(level) < min) return;
			console[level === 'debug' ? 'log' : level](`[n8n ${level}] ${message}`, meta ?? '');
		};
	const logger = {
		debug: log('debug'),
		info: log('info'),
		warn: log('warn'),
		error: log('error'),
		scoped: () => logger,
		getInternalLogger: () => undefined,
	};
	return logger;
}

let ready = false;

export function ensureN8nCore(): void {
	if (ready) return;
	ready = true;

	if (!process.env.N8N_USER_FOLDER) {
		const dir = mkdtempSync(path.join(tmpdir(), 'n8n-harness-'));
		process.env.N8N_USER_FOLDER = dir;
		process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
	}

	const logger = makeLogger();
	Container.set(Logger, logger as unknown as Logger);
	LoggerProxy.init(logger);

	const reporter = {
		error: (e: unknown) => {
			reportedErrors.push(e);
			if (reportedErrors.length > 100) reportedErrors.shift();
		},
		warn: () => undefined,
		info: () => undefined,
		init: async () => undefined,
		shutdown: async () => undefined,
	};
	Container.set(ErrorReporter, reporter as unknown as ErrorReporter);

	// Instantiate eagerly so a broken user folder fails here, not inside a node.
	Container.get(InstanceSettings);

	for (const service of [Container.get(SSHClientsManager), Container.get(ScheduledTaskManager)]) {
		for (const value of Object.values(service as object)) {
			if (value && typeof (value as NodeJS.Timeout).unref === 'function') {
				(value as NodeJS.Timeout).unref();
			}
		}
	}
}
