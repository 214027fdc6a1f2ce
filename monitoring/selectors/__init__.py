"""Reads of monitoring data, shaped so each page runs a fixed number of queries whatever the data size, and so
that donors get only what they may see (locked periods)."""
