import { Smsc } from '../../../../nodes/Smsc/Smsc.node';
import { SmscPollTrigger } from '../../../../nodes/SmscPollTrigger/SmscPollTrigger.node';
import { SmscTrigger } from '../../../../nodes/SmscTrigger/SmscTrigger.node';

/** What n8n's canvas shows under the node: the subtitle expression evaluated with the node's parameters. */
function subtitle(expression: string | undefined, $parameter: Record<string, unknown>): string {
	const body = /^=\{\{([\s\S]*)\}\}$/.exec(expression ?? '')?.[1];
	if (body === undefined) throw new Error(`not an expression: ${expression}`);
	return String(new Function('$parameter', `return (${body});`)($parameter));
}

describe('canvas subtitles read as words', () => {
	it('SMSC shows the action, e.g. "Send a message", not "send: message"', () => {
		const { description } = new Smsc();
		expect(subtitle(description.subtitle, { resource: 'message', operation: 'send' })).toBe(
			'Send a message',
		);
		expect(subtitle(description.subtitle, { resource: 'account', operation: 'getBalance' })).toBe(
			'Get the account balance',
		);
		expect(subtitle(description.subtitle, { resource: 'group', operation: 'getAll' })).toBe(
			'Get many groups',
		);
	});

	it.each([
		['SMSC Trigger', new SmscTrigger().description.subtitle],
		['SMSC Poll Trigger', new SmscPollTrigger().description.subtitle],
	])(
		'%s shows the events by name, e.g. "Delivery Status", not "deliveryStatus"',
		(_name, expression) => {
			expect(subtitle(expression, { events: ['deliveryStatus', 'incomingMessage'] })).toBe(
				'Delivery Status, Incoming Message',
			);
		},
	);
});
