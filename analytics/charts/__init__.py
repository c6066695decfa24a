"""Every chart of the app and the briefing, as pure specs: DataFrame in, ``FigureSpec`` out; no
Streamlit, no SQL.

``spec`` holds the machinery (``FigureSpec``, the template, the common layout, literal text); one
module per page family draws on it: ``summary`` (Ringkasan, Profil wilayah), ``maps`` (Peta, the
maps of every page), ``categories`` (Jenis pelanggaran), ``followup`` (Sanksi & tindak lanjut),
``events`` (Sosialisasi & pencegahan), ``official`` (Angka resmi) and ``briefing`` (the deck's
own charts)."""
