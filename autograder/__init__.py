"""Instructor-only grading code: never shipped to students.

Modules, by what they do:

- ``judge``: the API hidden tests are written against; it decides points.
- ``probe``: the kernel-side half of a hidden test (calls the student's function).
- ``trusted_execute``: the nbgrader preprocessor that runs student cells in a sandboxed
  kernel and hidden tests in the grader's own process.
- ``sandbox``: the bubblewrap command line and kernel manager.
- ``submission_reader``: reads submissions that are not valid notebooks without crashing.
- ``feedback``: keeps hidden tests out of the feedback students see.
- ``rubric``: keyword rubric for the written answers (English and Chinese).
- ``release``: proves the hidden tests, then builds ``release/``.
- ``demo``: the one-command tour: release, grade demo students, print grades.
"""
