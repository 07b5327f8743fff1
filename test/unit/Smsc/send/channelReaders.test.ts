import { NodeOperationError } from 'n8n-workflow';

import { VOICES, callParams } from '../../../../nodes/Smsc/send/channelReaders';
import type { ChannelItem } from '../../../../nodes/Smsc/send/channelReaders';

/** An item of a Voice Call with these field values; a refusal throws as the real reader does. */
function item(values: Record<string, unknown>): ChannelItem {
	return {
		get: <T>(name: string, fallback: T) => (name in values ? (values[name] as T) : fallback),
		fail: (message: string, description?: string): never => {
			throw new NodeOperationError(
				{ name: 'SMSC', type: 'smsc', typeVersion: 2 } as never,
				message,
				{
					description,
				},
			);
		},
	};
}

describe('the Voice Call reader', () => {
	it.each(VOICES.map((voice) => String(voice.value)))(
		'accepts the voice %s the Voice field offers',
		(voice) => {
			expect(callParams(item({ voice, callOptions: {} }))).toEqual({ voice });
		},
	);

	it('refuses a voice the field does not offer, naming the ones SMSC has', () => {
		expect(() => callParams(item({ voice: 'robot', callOptions: {} }))).toThrow(
			'Voice "robot" is not one SMSC offers.',
		);
	});

	it('sends the language with the voice, as "m3, en"', () => {
		expect(callParams(item({ voice: 'm3', callOptions: { language: 'EN' } }))).toEqual({
			voice: 'm3, en',
		});
	});
});
