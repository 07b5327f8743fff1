import { RunState } from '../../../../nodes/Smsc/actions/runState';

describe('RunState', () => {
	it('makes a value once per key and run; another run starts empty', () => {
		const run = new RunState();
		let made = 0;
		const make = () => ({ made: ++made });
		const first = run.once('groups', make);
		expect(run.once('groups', make)).toBe(first);
		expect(run.once('pages', make)).toEqual({ made: 2 });
		expect(new RunState().once('groups', make)).toEqual({ made: 3 });
	});
});
