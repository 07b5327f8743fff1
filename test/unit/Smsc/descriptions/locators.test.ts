import {
	groupLocator,
	groupNumberLocator,
	locatorValue,
	senderLocator,
	sendSenderLocator,
} from '../../../../nodes/Smsc/descriptions/locators';

describe('locatorValue', () => {
	it('reads a locator, a plain value from an expression or an older workflow, and nothing', () => {
		expect(locatorValue({ __rl: true, mode: 'id', value: ' 12 ' })).toEqual({
			mode: 'id',
			value: '12',
		});
		expect(locatorValue(' MyShop ')).toEqual({ value: 'MyShop' });
		expect(locatorValue(5)).toEqual({ value: '5' });
		expect(locatorValue(undefined)).toEqual({ value: '' });
		expect(locatorValue({ mode: 'list' })).toEqual({ mode: 'list', value: '' });
	});
});

describe('resource locators', () => {
	it('start with a searchable list, then the typed modes, each with its own check', () => {
		const modes = (property: ReturnType<typeof groupLocator>) =>
			property.modes?.map((mode) => [
				mode.name,
				mode.typeOptions?.searchListMethod ?? mode.validation?.[0],
			]);
		expect(modes(groupLocator('x'))).toEqual([
			['list', 'searchGroups'],
			[
				'id',
				{
					type: 'regex',
					properties: {
						regex: '^\\s*\\d+\\s*$',
						errorMessage: 'The group ID is a whole number, e.g. 12345',
					},
				},
			],
		]);
		expect(modes(groupNumberLocator({}))?.map(([name]) => name)).toEqual(['list', 'number']);
		expect(modes(senderLocator('x'))?.map(([name]) => name)).toEqual(['list', 'name', 'id']);
		expect(modes(sendSenderLocator({}))?.map(([name]) => name)).toEqual(['list', 'name']);
		// the Send's Sender Name may stay empty (the account's default sender); the others may not
		expect(sendSenderLocator({}).required).toBeUndefined();
		expect(groupLocator('x')).toMatchObject({
			name: 'group',
			type: 'resourceLocator',
			required: true,
			default: { mode: 'list', value: '' },
		});
	});
});
