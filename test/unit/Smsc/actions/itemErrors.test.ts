import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { refuseItem, requiredText } from '../../../../nodes/Smsc/actions/itemErrors';

const node = { name: 'SMSC', type: 'n8n-nodes-smsc.smsc', typeVersion: 2 } as INode;

/** Just enough of an execution context for these readers: the node and one item's parameters. */
function context(parameters: Record<string, unknown>): IExecuteFunctions {
	return {
		getNode: () => node,
		getNodeParameter: (name: string, _itemIndex: number, fallback: unknown) =>
			name in parameters ? parameters[name] : fallback,
	} as unknown as IExecuteFunctions;
}

describe('refuseItem', () => {
	it('throws a NodeOperationError that names the item', () => {
		const fail = refuseItem(context({}), 3);
		expect(() => fail('Last Hours must be from 1 to 168.')).toThrow(NodeOperationError);
		try {
			fail('Last Hours must be from 1 to 168.');
		} catch (error) {
			expect((error as NodeOperationError).message).toBe('Last Hours must be from 1 to 168.');
			expect((error as NodeOperationError).context.itemIndex).toBe(3);
		}
	});
});

describe('requiredText', () => {
	it('gives the value trimmed', () => {
		expect(requiredText(context({ code: ' 4821 ' }), 0, 'code', 'Code')).toBe('4821');
	});

	it.each([[''], ['   '], [null], [undefined]])(
		'refuses %p, which an expression can give despite the editor marking the field required',
		(value) => {
			expect(() => requiredText(context({ code: value }), 1, 'code', 'Code')).toThrow(
				'The Code is empty.',
			);
			expect(() =>
				requiredText(context({ code: value }), 1, 'code', 'Code', 'Enter the code.'),
			).toThrow('The Code is empty. Enter the code.');
		},
	);
});
