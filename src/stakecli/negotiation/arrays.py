"""numpy for the package analysis, loaded without the BLAS thread pool it never uses.

Importing numpy starts OpenBLAS, which creates a pool of worker threads (about 25 ms of CPU
on a 2-core machine, more with more cores). The frontier and the coalition use integer
arrays only, never linear algebra, so one thread is enough; a user's own
`OPENBLAS_NUM_THREADS` wins. Import numpy from here, before any other module imports it.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

# numpy after the setting: OpenBLAS reads it when it loads
import numpy as np
import numpy.typing as npt

__all__ = ["np", "npt"]
