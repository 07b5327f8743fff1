import type { INodeProperties } from 'n8n-workflow';

import { Smsc } from '../../../nodes/Smsc/Smsc.node';
import { SmscPollTrigger } from '../../../nodes/SmscPollTrigger/SmscPollTrigger.node';
import { SmscTrigger } from '../../../nodes/SmscTrigger/SmscTrigger.node';

const trigger = new SmscTrigger();
/** The description n8n uses for a node of `version`. */
const versionDescription = (version: number) => trigger.getNodeType(version).description;
const description = versionDescription(3);
const properties = description.properties as INodeProperties[];
/** The property `name` as a node of `version` shows it (versions 1–2 and 3 have their own). */
const property = (name: string, version = 2) =>
	properties.find(
		(p) =>
			p.name === name &&
			(p.displayOptions?.show?.['@version'] === undefined ||
				version >= 3 !==
					(p.displayOptions.show['@version'] as unknown[]).some((v) => v === 1 || v === 2)),
	)!;

/** Every display condition in a list of properties, nested ones (collections' options) included. */
function displayConditions(list: unknown[]): unknown[] {
	return list.flatMap((p) => {
		const prop = p as INodeProperties;
		const own = [prop.displayOptions?.show, prop.displayOptions?.hide]
			.filter(Boolean)
			.flatMap((rules) => Object.values(rules!).flat());
		return [...own, ...(Array.isArray(prop.options) ? displayConditions(prop.options) : [])];
	});
}

describe('SMSC Trigger set-up in the editor', () => {
	it.each([2, 3])(
		'states the Secret Token rule under the field in whole sentences (version %i)',
		(version) => {
			const hint = String(property('token', version).hint);
			expect(hint).toBe(
				'Use at least 16 characters: letters, digits, ".", "_", "~" or "-". The workflow cannot be published until the token follows this rule.',
			);
			expect(properties.some((p) => p.name === 'tokenNotice')).toBe(false);
		},
	);

	// n8n 2.41 checks every display condition on each execution and runs a regex condition in a vm
	// with a timeout: that halved the trigger's throughput and failed executions under load (issue 11).
	it('has, like every node of the package, no regex display condition, which n8n would evaluate on every execution', () => {
		const conditions = [
			new Smsc().description,
			new SmscPollTrigger().description,
			versionDescription(2),
			versionDescription(3),
		].flatMap((node) => displayConditions(node.properties));
		expect(conditions.length).toBeGreaterThan(0);
		const regexes = conditions.filter(
			(c) =>
				typeof c === 'object' && c !== null && 'regex' in ((c as { _cnd?: object })._cnd ?? {}),
		);
		expect(regexes).toEqual([]);
	});

	it('is version 3 for new workflows and still runs workflows saved with versions 1 and 2', () => {
		expect(trigger.description.defaultVersion).toBe(3);
		expect(trigger.getLatestVersion()).toBe(3);
		expect(Object.keys(trigger.nodeVersions)).toEqual(['1', '2', '3']);
		expect(versionDescription(1)).toBe(versionDescription(2));
		expect(versionDescription(1).version).toEqual([1, 2]);
		expect(versionDescription(3).version).toEqual([3]);
	});

	it('keeps the parameters, their defaults and the output of versions 1 and 2 as they were', () => {
		const withoutPathAndVersion = (version: number) => ({
			...versionDescription(version),
			webhooks: undefined,
			version: undefined,
		});
		expect(withoutPathAndVersion(2)).toEqual(withoutPathAndVersion(3));
		expect(versionDescription(2).properties).toBe(versionDescription(3).properties);
	});

	// Versions 1 and 2's URLs are pasted in SMSC accounts already; a literal path costs n8n no
	// expression per request (an isolate on n8n 2.41), which an expression would on every call.
	it.each([1, 2])('gives version %i the literal webhook path smsc, no expression', (version) => {
		expect(versionDescription(version).webhooks!.map((w) => [w.httpMethod, w.path])).toEqual([
			['POST', 'smsc'],
			['GET', 'smsc'],
		]);
	});

	it('carries the token in the webhook path from version 3, so Webhook URLs show the whole URL', () => {
		const paths = versionDescription(3).webhooks!.map((w) => String(w.path));
		expect(paths).toEqual([paths[0], paths[0]]);
		const body = /^=\{\{([\s\S]*)\}\}$/.exec(paths[0])![1];
		const resolved = new Function('$parameter', `return (${body});`)({
			token: 'Tok.en_0123456789',
		}) as string;
		expect(resolved).toBe('smsc/Tok.en_0123456789');
	});

	it('says it all in English in the node: no Cyrillic in any name, notice or description', () => {
		const text = JSON.stringify([
			versionDescription(2),
			versionDescription(3),
			trigger.description,
		]);
		expect(text).not.toMatch(/[\u0400-\u04FF]/);
	});

	it('builds no URL by hand from version 3: a numbered notice points at Webhook URLs', () => {
		const shown = properties.filter((p) => property(p.name, 3) === p).map((p) => p.name);
		expect(shown).not.toContain('handlerUrl');
		expect(shown).not.toContain('testHandlerUrl');
		const notice = String(property('setupNotice', 3).displayName);
		// n8n 2.41 keeps only a, ul and li of a notice's HTML: the steps are list items
		const tags = notice.match(/<\/?[a-z]+/g) ?? [];
		expect(tags.length).toBeGreaterThan(0);
		expect(tags.every((tag) => /^<\/?(ul|li|a)$/.test(tag))).toBe(true);
		expect(notice).toMatch(
			/<ul><li>1\. .*<\/li><li>2\. .*Webhook URLs.*Production URL.*<\/li><li>3\. .*Handler URL.*<\/li><li>4\. .*<\/li><\/ul>/,
		);
		expect(notice).not.toMatch(/YOUR_N8N_URL/);
	});

	const resolve = (name: string) => {
		const expression = String(property(name).default);
		expect(expression).toMatch(/^=\{\{/);
		const body = /^=\{\{([\s\S]*)\}\}$/.exec(expression)![1];
		return new Function('$webhookId', '$parameter', `return (${body});`)('abc-123', {
			token: 'Tok.en_0123456789',
		}) as string;
	};

	it('shows the ready-to-paste handler URL: webhook path, token and charset, from an expression the editor resolves', () => {
		expect(resolve('handlerUrl')).toBe(
			'YOUR_N8N_URL/webhook/abc-123/smsc?token=Tok.en_0123456789&charset=utf-8',
		);
	});

	it('shows the test handler URL "Execute step" listens on, with the same ending', () => {
		expect(resolve('testHandlerUrl')).toBe(
			'YOUR_N8N_URL/webhook-test/abc-123/smsc?token=Tok.en_0123456789&charset=utf-8',
		);
	});

	it('tells the user where "Execute step" listens, since SMSC has one handler URL', () => {
		const notice = String(property('setupNotice').displayName);
		expect(notice).toMatch(/Test Handler URL below/);
		expect(notice).toMatch(/Production URL/);
		expect(notice).not.toMatch(/shown above into/);
	});
});
