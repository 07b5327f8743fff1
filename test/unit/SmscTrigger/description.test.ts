import type { INodeProperties } from 'n8n-workflow';

import { Smsc } from '../../../nodes/Smsc/Smsc.node';
import { SmscPollTrigger } from '../../../nodes/SmscPollTrigger/SmscPollTrigger.node';
import { SmscTrigger } from '../../../nodes/SmscTrigger/SmscTrigger.node';

const { description } = new SmscTrigger();
const properties = description.properties as INodeProperties[];
const property = (name: string) => properties.find((p) => p.name === name)!;

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
	it('states the Secret Token rule under the field, the way publishing enforces it', () => {
		expect(property('token').hint).toMatch(
			/^At least 16 characters of letters, digits, "\.", "_", "~" or "-"/,
		);
		expect(properties.some((p) => p.name === 'tokenNotice')).toBe(false);
	});

	// n8n 2.41 checks every display condition on each execution and runs a regex condition in a vm
	// with a timeout: that halved the trigger's throughput and failed executions under load (issue 11).
	it('has, like every node of the package, no regex display condition, which n8n would evaluate on every execution', () => {
		const conditions = [new Smsc(), new SmscPollTrigger(), new SmscTrigger()].flatMap((node) =>
			displayConditions(node.description.properties),
		);
		expect(conditions.length).toBeGreaterThan(0);
		const regexes = conditions.filter(
			(c) =>
				typeof c === 'object' && c !== null && 'regex' in ((c as { _cnd?: object })._cnd ?? {}),
		);
		expect(regexes).toEqual([]);
	});

	it('is version 2 for new workflows and still runs workflows saved with version 1', () => {
		expect(description.version).toEqual([1, 2]);
		expect(description.defaultVersion).toBe(2);
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
