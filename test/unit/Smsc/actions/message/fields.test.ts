import type { INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Smsc } from '../../../../../nodes/Smsc/Smsc.node';

const { description } = new Smsc();
const sendOptions = (description.properties as INodeProperties[]).find(
	(p) => p.name === 'options' && p.displayOptions?.show?.operation?.includes('send') && p.displayOptions?.show?.resource?.includes('message'),
)!;

/** The option names "Add Option" offers for the channel, as n8n's editor decides it. */
function offered(channel: string): string[] {
	const root = { resource: 'message', operation: 'send', channel, options: {} };
	return (sendOptions.options as INodeProperties[])
		.filter((option) => NodeHelpers.displayParameter({}, option, { typeVersion: 1 }, description, root))
		.map((option) => option.displayName);
}

describe('Send options follow the channel', () => {
	it.each(['hlr', 'ping', 'call'])('%s offers no Translit, Max SMS Parts or Shorten Links', (channel) => {
		expect(offered(channel)).not.toEqual(expect.arrayContaining(['Translit']));
		expect(offered(channel)).not.toContain('Max SMS Parts');
		expect(offered(channel)).not.toContain('Shorten Links');
	});

	it('e-mail offers no Max SMS Parts and no Translit', () => {
		expect(offered('mail')).not.toContain('Max SMS Parts');
		expect(offered('mail')).not.toContain('Translit');
	});

	it.each(['sms', 'flash'])('%s offers Translit, Max SMS Parts and Shorten Links', (channel) => {
		expect(offered(channel)).toEqual(expect.arrayContaining(['Translit', 'Max SMS Parts', 'Shorten Links']));
	});
});
