import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import {
	DELIVERED_STATUSES,
	FAILED_STATUSES,
	MESSAGE_STATUSES,
} from '../../../../nodes/shared/smsc/codes';
import { filtersProperty } from '../../../../nodes/shared/triggers/events';

const statuses = (filtersProperty.options as INodeProperties[]).find(
	(option) => option.name === 'statuses',
)!;
const options = statuses.options as INodePropertyOptions[];

describe('the Statuses filter of both triggers', () => {
	it('offers every delivery status of codes.ts by its code, and not status.php\'s "not found" (-3)', () => {
		const codes = Object.keys(MESSAGE_STATUSES).filter((code) => code !== '-3');
		expect(
			options.map((option) => option.value).filter((value) => /^-?\d+$/.test(String(value))),
		).toEqual(expect.arrayContaining(codes));
		expect(options.map((option) => option.value)).not.toContain('-3');
		expect(options).toHaveLength(codes.length + 2);
	});

	it('offers exactly these choices, sorted by name as the editor lists them', () => {
		expect(options.map(({ name, value }) => [name, value])).toEqual([
			['Any Delivered (1, 2, 4)', 'anyDelivered'],
			['Any Failed (-2, 3, 20, 22, 23, 24, 25)', 'anyFailed'],
			['Cannot Be Delivered (20)', '20'],
			['Delivered (1)', '1'],
			['Expired (3)', '3'],
			['Invalid Number (22)', '22'],
			['Link Clicked (4)', '4'],
			['Not Enough Money (24)', '24'],
			['Passed to the Operator (0)', '0'],
			['Prohibited (23)', '23'],
			['Read (2)', '2'],
			['Stopped (-2)', '-2'],
			['Unreachable Number (25)', '25'],
			['Waiting to Be Sent (-1)', '-1'],
		]);
	});

	it('names each option in Title Case with its code, e.g. "Passed to the Operator (0)"', () => {
		expect(options.find((option) => option.value === '0')?.name).toBe('Passed to the Operator (0)');
		expect(options.find((option) => option.value === '-1')?.name).toBe('Waiting to Be Sent (-1)');
		expect(options.find((option) => option.value === '20')?.name).toBe('Cannot Be Delivered (20)');
	});

	it('names the two groups with the codes the filter expands them to', () => {
		expect(options.find((option) => option.value === 'anyDelivered')?.name).toBe(
			`Any Delivered (${DELIVERED_STATUSES.join(', ')})`,
		);
		expect(options.find((option) => option.value === 'anyFailed')?.name).toBe(
			`Any Failed (${FAILED_STATUSES.join(', ')})`,
		);
	});

	it('lists the options sorted by name, as n8n wants an options list', () => {
		const names = options.map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});
});
