"""Brian2's CUBA example, the reference for snc-bench-cuba.

Runs in C++ standalone mode on one thread (default) or, with --runtime, in
Brian2's runtime mode (Cython). Prints the same figures as snc-bench-cuba.
The simulation time is Brian2's own timer of the run loop only (code
generation, compilation, synapse creation and file I/O are excluded):
`device._last_run_time`.

Usage: python3 brian2_cuba.py [seconds] [--runtime] [--build-dir DIR]

With --build-dir the standalone project stays in DIR, so bench/cuba/run.sh
can run its binary (DIR/main) again and read the loop time of each run from
DIR/results/last_run_info.txt; the spike count of a run is the size of the
SpikeMonitor's index file, which it prints as `spike file`.
"""
import argparse
import shutil
import tempfile
import warnings

warnings.filterwarnings('ignore', category=FutureWarning)  # pythran vs numpy

import numpy as np
import brian2
from brian2 import (NeuronGroup, Synapses, SpikeMonitor, device, defaultclock,
                    ms, mV, prefs, run, second, seed, set_device)

args = argparse.ArgumentParser()
args.add_argument('seconds', nargs='?', type=float, default=1.0)
args.add_argument('--runtime', action='store_true',
                  help="Brian2's runtime mode (Cython) instead of standalone")
args.add_argument('--build-dir',
                  help='keep the standalone project in this directory')
args = args.parse_args()

if args.runtime:
    prefs.codegen.target = 'cython'
    mode = 'runtime mode (Cython)'
    timer = 'device._last_run_time: time.time() around Network.run\'s loop'
else:
    workdir = args.build_dir or tempfile.mkdtemp(prefix='brian2_cuba_')
    set_device('cpp_standalone', directory=workdir)
    prefs.devices.cpp_standalone.openmp_threads = 0
    mode = 'C++ standalone, 1 thread'
    timer = ('device._last_run_time: std::clock() (process CPU time) '
             'around Network::run\'s loop')

N, NE, p = 4000, 3200, 0.02
taum, taue, taui = 20 * ms, 5 * ms, 10 * ms
Vt, Vr, El = -50 * mV, -60 * mV, -49 * mV
we, wi = (60 * 0.27 / 10) * mV, (-20 * 4.5 / 10) * mV
defaultclock.dt = 0.1 * ms
seed(1)

eqs = '''
dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
dge/dt = -ge/taue : volt
dgi/dt = -gi/taui : volt
'''
P = NeuronGroup(N, eqs, threshold='v>Vt', reset='v = Vr',
                refractory=5 * ms, method='exact')
P.v = 'Vr + rand() * (Vt - Vr)'
P.ge = 0 * mV
P.gi = 0 * mV
Ce = Synapses(P, P, on_pre='ge += we')
Ci = Synapses(P, P, on_pre='gi += wi')
Ce.connect('i<3200', p=p)
Ci.connect('i>=3200', p=p)
spikes = SpikeMonitor(P)

run(args.seconds * second)  # standalone: generates, compiles and runs main
sim_time = device._last_run_time

out_degree = (np.bincount(np.asarray(Ce.i), minlength=N) +
              np.bincount(np.asarray(Ci.i), minlength=N))
spike_count = int(spikes.num_spikes)
events = int(out_degree[np.asarray(spikes.i)].sum())
steps = int(round(args.seconds / float(defaultclock.dt)))

print(f'CUBA (Brian2 {brian2.__version__}, {mode}): {N} LIF ({NE} exc / '
      f'{N - NE} inh), p = {p:.2f}, {args.seconds:.3f} s simulated at '
      f'dt = {float(defaultclock.dt) * 1e3:.1f} ms ({steps} steps)')
print(f'  synapses             {len(Ce) + len(Ci)}')
print(f'  simulation           {sim_time:.3f} s, '
      f'{sim_time / args.seconds:.2f}x real time')
print(f'    timer              {timer}')
if not args.runtime:
    print(f'  whole binary (wall)  {device.timers["run_binary"]:.3f} s '
          '(includes setup, synapse creation and writing results)')
print(f'  spikes               {spike_count} '
      f'(mean rate {spike_count / N / args.seconds:.1f} Hz)')
print(f'  synaptic events      {events}')
print(f'  synaptic events/s    {events / sim_time:.3g}')
if args.build_dir:
    index_file = device.get_array_filename(spikes.variables['i'])
    print(f'  spike file           {index_file}')
elif not args.runtime:
    shutil.rmtree(workdir, ignore_errors=True)
