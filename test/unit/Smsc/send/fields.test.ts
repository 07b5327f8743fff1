import type { INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Smsc } from '../../../../nodes/Smsc/Smsc.node';

const { description } = new Smsc();
const sendOptions = (description.properties as INodeProperties[]).find(
	(p) =>
		p.name === 'options' &&
		p.displayOptions?.show?.operation?.includes('send') &&
		p.displayOptions?.show?.resource?.includes('message'),
)!;

const properties = description.properties as INodeProperties[];
const shownFor = (name: string, operation: string) =>
	properties
		.filter(
			(p) =>
				p.name === name &&
				NodeHelpers.displayParameter(
					{ resource: 'message', operation },
					p,
					{ typeVersion: 1 },
					description,
				),
		)
		.map((p) => p.displayName);

/** The option names "Add Option" offers for the channel, as n8n's editor decides it. */
function offered(channel: string): string[] {
	const root = { resource: 'message', operation: 'send', channel, options: {} };
	return (sendOptions.options as INodeProperties[])
		.filter((option) =>
			NodeHelpers.displayParameter({}, option, { typeVersion: 1 }, description, root),
		)
		.map((option) => option.displayName);
}

describe('Send options follow the channel', () => {
	it.each(['hlr', 'ping', 'call'])(
		'%s offers no Translit, Max SMS Parts or Shorten Links',
		(channel) => {
			expect(offered(channel)).not.toEqual(expect.arrayContaining(['Translit']));
			expect(offered(channel)).not.toContain('Max SMS Parts');
			expect(offered(channel)).not.toContain('Shorten Links');
		},
	);

	it("e-mail offers no Max SMS Parts, no Translit and no Validity (an operator's delivery time)", () => {
		expect(offered('mail')).not.toContain('Max SMS Parts');
		expect(offered('mail')).not.toContain('Translit');
		expect(offered('mail')).not.toContain('Validity');
		expect(offered('sms')).toContain('Validity');
	});

	it('keeps the bulk settings out of the message options, in Bulk Options shown for Send only', () => {
		const bulk = ['Batch Size', 'Batching', 'Concurrency', 'Include Raw Response'];
		for (const name of bulk) expect(offered('sms')).not.toContain(name);
		expect(shownFor('bulkOptions', 'send')).toEqual(['Bulk Options']);
		expect(shownFor('bulkOptions', 'getCost')).toEqual([]);
		const bulkOptions = properties.find((p) => p.name === 'bulkOptions')!;
		expect((bulkOptions.options as INodeProperties[]).map((o) => o.displayName)).toEqual(bulk);
	});

	it.each(['sms', 'flash'])('%s offers Translit, Max SMS Parts and Shorten Links', (channel) => {
		expect(offered(channel)).toEqual(
			expect.arrayContaining(['Translit', 'Max SMS Parts', 'Shorten Links']),
		);
	});

	it("Time Zone starts empty when added, which means the account's zone (not 0, Moscow)", () => {
		const tz = (sendOptions.options as INodeProperties[]).find((o) => o.name === 'tz')!;
		expect(tz.default).toBe('');
		expect(tz.description).toMatch(/Empty: the zone set in the SMSC account/);
	});
});
