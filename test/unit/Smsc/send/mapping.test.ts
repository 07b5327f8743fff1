import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Smsc } from '../../../../nodes/Smsc/Smsc.node';

const { description } = new Smsc();
const properties = description.properties as INodeProperties[];

/** The parameters n8n keeps for saved values, defaults filled in, as the editor and the engine see them. */
function resolved(saved: INodeParameters): INodeParameters {
	return NodeHelpers.getNodeParameters(
		properties,
		saved,
		true,
		false,
		{ typeVersion: 1 },
		description,
	)!;
}

/** The names of the fields the editor shows for these values. */
function shown(values: INodeParameters): string[] {
	return properties
		.filter((p) => NodeHelpers.displayParameter(values, p, { typeVersion: 1 }, description))
		.map((p) => p.name);
}

describe('Send and Get Cost: the mapping mode', () => {
	it('a workflow saved before the mode existed keeps its recipients and text fields', () => {
		const saved = { resource: 'message', operation: 'send', phones: '={{ $json.phone }}' };
		const values = resolved(saved);
		expect(values.dataMode).toBe('defineBelow');
		expect(values.phones).toBe('={{ $json.phone }}');
		expect(shown(values)).toEqual(expect.arrayContaining(['phones', 'message']));
		expect(shown(values)).not.toContain('recipientField');
	});

	it.each(['send', 'getCost'])(
		'%s with Map Automatically shows the two field names instead, defaulting to phone and message',
		(operation) => {
			const values = resolved({ resource: 'message', operation, dataMode: 'autoMapInputData' });
			expect(values).toMatchObject({ recipientField: 'phone', textField: 'message' });
			const names = shown(values);
			expect(names).toEqual(expect.arrayContaining(['recipientField', 'textField']));
			expect(names).not.toContain('phones');
			expect(names).not.toContain('message');
		},
	);

	it('with a contact group only the text comes from the item; a channel without text maps recipients only', () => {
		const mapped = (values: INodeParameters) =>
			shown(
				resolved({
					resource: 'message',
					operation: 'send',
					dataMode: 'autoMapInputData',
					...values,
				}),
			);
		const group = mapped({ recipientType: 'group' });
		expect(group).toContain('textField');
		expect(group).not.toContain('recipientField');
		const ping = mapped({ channel: 'ping' });
		expect(ping).toContain('recipientField');
		expect(ping).not.toContain('textField');
	});
});
