"""PDF documents: plain frozen data in, PDF bytes out.

Each document has an input snapshot (``*_data.py`` and :mod:`.data`) filled by a service
before rendering, and a renderer that only lays that snapshot out: it computes no
business value (pretix's invoice renderer works the same way).  Nothing here touches the
database, Qt or a session; labels printed on the page are Spanish legal text kept in
:mod:`.labels`.
"""

from reportlab import rl_config

# Our PDFs are files, never 7-bit mail: ASCII85-wrapping their compressed streams
# only costs time (5–17 % of a render) and size (about 17 %).
rl_config.useA85 = 0
