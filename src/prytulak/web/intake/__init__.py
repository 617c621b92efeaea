"""Client intake: a step-by-step questionnaire in Russian, Belarusian or English."""
