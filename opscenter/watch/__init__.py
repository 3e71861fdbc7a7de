"""The voting-day TPS watch (pemantauan TPS pada hari pemungutan).

* ``steps``: the operation's editable list of steps a TPS goes through, with deadlines.
* ``entry``: recording that a TPS reached a step at a time, and finding the TPS, post and
  step an operator types.
* ``progress``: the watch as the panel, the wall, the map and the report read it: the
  share of TPS at each step per Polres and kecamatan, the overdue TPS, the disturbed ones.

A TPS is disturbed (ada gangguan) while an incident linked to it is open, and calm (aman)
otherwise: the incident log is the one record of a disturbance, with its follow-ups.
"""
