import { questionMessageId } from '../../../../nodes/Smsc/sendAndWait/messageId';
import { isClientMessageId } from '../../../../nodes/shared/smsc/rules';

describe('questionMessageId', () => {
	it('is made from the execution id and the start of the node id, in characters SMSC accepts', () => {
		expect(questionMessageId('1042', '3f9a27c1-5b2e-4c1d-9e8f-0a1b2c3d4e5f')).toBe(
			'n8n.1042.3f9a27c1',
		);
	});

	it.each([
		['a long execution id', 'x'.repeat(100), 'node'],
		['odd characters', 'ex ec/1!', 'nö-de#'],
		['empty ids', '', ''],
	])('stays an id SMSC accepts with %s', (_, execution, node) => {
		const id = questionMessageId(execution, node);
		expect(isClientMessageId(id)).toBe(true);
		expect(id.length).toBeLessThanOrEqual(40);
	});
});
