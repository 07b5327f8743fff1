import type { INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { SmscTrigger } from '../../../nodes/SmscTrigger/SmscTrigger.node';

const { description } = new SmscTrigger();
const properties = description.properties as INodeProperties[];
const property = (name: string) => properties.find((p) => p.name === name)!;
const shown = (name: string, token: string) =>
	NodeHelpers.displayParameter({ token, events: [] }, property(name), { typeVersion: 1 }, description);

describe('SMSC Trigger set-up in the editor', () => {
	it.each([
		['', true],
		['short', true],
		['has spaces in it, 16+ chars', true],
		['UiTestToken-0123456789abcdef', false],
		['0123456789abcdef', false],
	])('says at once that the Secret Token "%s" is too short or has other characters: %s', (token, expected) => {
		expect(shown('tokenNotice', token)).toBe(expected);
	});

	const resolve = (name: string) => {
		const expression = String(property(name).default);
		expect(expression).toMatch(/^=\{\{/);
		const body = /^=\{\{([\s\S]*)\}\}$/.exec(expression)![1];
		return new Function('$webhookId', '$parameter', `return (${body});`)('abc-123', { token: 'Tok.en_0123456789' }) as string;
	};

	it('shows the ready-to-paste handler URL: webhook path, token and charset, from an expression the editor resolves', () => {
		expect(resolve('handlerUrl')).toBe('YOUR_N8N_URL/webhook/abc-123/smsc?token=Tok.en_0123456789&charset=utf-8');
	});

	it('shows the test handler URL "Execute step" listens on, with the same ending', () => {
		expect(resolve('testHandlerUrl')).toBe('YOUR_N8N_URL/webhook-test/abc-123/smsc?token=Tok.en_0123456789&charset=utf-8');
	});

	it('tells the user where "Execute step" listens, since SMSC has one handler URL', () => {
		const notice = String(property('setupNotice').displayName);
		expect(notice).toMatch(/Test Handler URL below/);
		expect(notice).toMatch(/Production URL/);
		expect(notice).not.toMatch(/shown above into/);
	});
});
