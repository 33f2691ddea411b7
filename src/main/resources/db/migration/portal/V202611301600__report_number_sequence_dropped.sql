-- Report numbers are random since issue 12 (no one can enumerate who obtained reports): the sequence is unused.
DROP SEQUENCE IF EXISTS portal.report_seq;
