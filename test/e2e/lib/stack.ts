import * as fs from 'node:fs';
import * as path from 'node:path';
import { N8nApi } from './api';
import { EmulatorProcess, DEMO_API_KEY, DEMO_LOGIN, DEMO_PASSWORD } from './emulator';
import { ensureN8n } from './install';
import type { InstallResult } from './install';
import type { N8nLine } from './lines';
import { N8n } from './n8n';
import { buildAndPack, installPackedPackage } from './pack';
import type { PackedPackage } from './pack';
import { stopAll } from './processes';
import { report, seconds, stepTimer } from './report';
import { smscCredential } from './workflows';
import type { CredentialRef, Workflow } from './workflows';

/** The credential every e2e and demo workflow uses: the emulator's demo account. */
export const EMULATOR_CREDENTIAL: CredentialRef = {
	id: 'SmscEmulatorCred',
	name: 'SMSC (local emulator)',
};
/** The same account signed in with its API key instead of login and password. */
export const EMULATOR_APIKEY_CREDENTIAL: CredentialRef = {
	id: 'SmscEmulatorKey1',
	name: 'SMSC (local emulator, API key)',
};

export interface Stack {
	install: InstallResult;
	pkg: PackedPackage;
	emulator: EmulatorProcess;
	n8n: N8n;
	credential: CredentialRef;
	timings: Record<string, number>;
	/** Stops n8n and the emulator; removes the n8n user folder unless keepUserFolder. */
	stop(opts?: { keepUserFolder?: boolean }): Promise<void>;
}

/**
 * Everything a user would have after `npm install n8n-nodes-smsc` in their own n8n, wired to the
 * emulator: the cached n8n, this package built and packed, a fresh user folder with the package
 * unpacked into it, and an SMSC credential pointing at the emulator. n8n itself is not started.
 */
export async function startStack(
	opts: {
		/** The n8n line (lines.ts); default: SMSC_N8N_LINE, else the newest line. */
		line?: N8nLine;
		log?: (line: string) => void;
		userFolder?: string;
		emulatorArgs?: string[];
		build?: boolean;
	} = {},
): Promise<Stack> {
	const log = opts.log ?? (() => undefined);
	const { timings, timed } = stepTimer();

	const emulator = new EmulatorProcess(log);
	let n8n: N8n | undefined;
	try {
		// The emulator and the build do not depend on n8n; start them while the install check runs.
		const [install, pkg] = await Promise.all([
			timed('n8nInstall', () => ensureN8n({ line: opts.line, log })),
			timed('buildAndPack', () => buildAndPack({ log, build: opts.build })),
			timed('emulatorStart', () => emulator.start(opts.emulatorArgs ?? [])),
		]);
		n8n = new N8n({ install, userFolder: opts.userFolder, log });
		await n8n.choosePorts();
		await timed('unpack', () => installPackedPackage(pkg, n8n!.userFolder));
		await timed('importCredential', () =>
			n8n!.importCredentials([
				smscCredential({
					...EMULATOR_CREDENTIAL,
					baseUrl: emulator.url,
					login: DEMO_LOGIN,
					password: DEMO_PASSWORD,
				}),
				smscCredential({
					...EMULATOR_APIKEY_CREDENTIAL,
					baseUrl: emulator.url,
					apiKey: DEMO_API_KEY,
				}),
			]),
		);
		const ready = n8n;
		return {
			install,
			pkg,
			emulator,
			n8n: ready,
			credential: EMULATOR_CREDENTIAL,
			timings,
			stop: async (stopOpts = {}) => {
				await Promise.allSettled([ready.stop(), emulator.stop()]);
				await stopAll();
				if (!pkg.shared) fs.rmSync(path.dirname(pkg.tarball), { recursive: true, force: true });
				if (!stopOpts.keepUserFolder) ready.removeUserFolder();
			},
		};
	} catch (error) {
		await Promise.allSettled([n8n?.stop(), emulator.stop()]);
		await stopAll();
		throw error;
	}
}

/** What publishAndStart made and measured. */
export interface Published {
	/** n8n's public API as the owner, with an API key: for reading executions back */
	api: N8nApi;
	/** from `n8n start` until its REST API answered */
	startMs: number;
	/** from `n8n start` until every webhook answered */
	webhooksMs: number;
}

/**
 * Imports and publishes the workflows, starts n8n and waits until each webhook `webhookUrls` names
 * (at the port n8n got) answers, then sets up the owner and an API key.
 */
export async function publishAndStart(
	stack: Stack,
	workflows: Workflow[],
	webhookUrls: (baseUrl: string) => string[],
): Promise<Published> {
	const { n8n } = stack;
	await n8n.importWorkflows(workflows);
	for (const workflow of workflows) await n8n.activateWorkflow(workflow.id);
	const started = Date.now();
	await n8n.start();
	const startMs = Date.now() - started;
	for (const url of webhookUrls(n8n.baseUrl)) await n8n.waitForWebhook(url);
	const webhooksMs = Date.now() - started;
	const api = new N8nApi(n8n.baseUrl);
	await api.setupOwner();
	await api.createApiKey();
	return { api, startMs, webhooksMs };
}

/** A suite's end: stops its stack, if it started, and reports how long the suite took. */
export async function endSuite(
	name: string,
	stack: Stack | undefined,
	startedAt: number,
): Promise<void> {
	await stack?.stop();
	report(`${name}: suite took ${seconds(Date.now() - startedAt)}`);
}
