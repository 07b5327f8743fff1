import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

/** Debian's browser; playwright-core drives it, and never downloads one of its own. */
export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/**
 * Installs Debian's `chromium` when it is missing: CI runs as root on a fresh machine. Anyone else
 * gets the command to run instead of a sudo prompt.
 */
export function ensureChromium(log: (line: string) => void = () => undefined): void {
	if (fs.existsSync(CHROMIUM)) return;
	if (process.getuid?.() !== 0) {
		throw new Error(
			`${CHROMIUM} is missing: run  sudo apt-get update && sudo apt-get install -y chromium`,
		);
	}
	log('installing chromium (apt-get)');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update'], { stdio: 'ignore', env, timeout: 600_000 });
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
		stdio: 'ignore',
		env,
		timeout: 900_000,
	});
	if (!fs.existsSync(CHROMIUM))
		throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
}

export interface Browser {
	context: BrowserContext;
	page: Page;
	profile: string;
	close(): Promise<void>;
}

/** A fresh Chromium profile in a temporary folder, one page, an English locale and a desktop-sized window. */
export async function openBrowser(): Promise<Browser> {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'smsc-ui-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: FLAGS,
		locale: 'en-US',
		timezoneId: 'UTC',
		viewport: { width: 1440, height: 900 },
	});
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		context,
		page,
		profile,
		close: async () => {
			await context.close().catch(() => undefined);
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}
