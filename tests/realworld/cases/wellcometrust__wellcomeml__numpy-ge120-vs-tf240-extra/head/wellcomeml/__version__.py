__name__ = "wellcomeml"
__version__ = "1.2.1"
__description__ = """Utilities for managing nlp models and for
                     processing text-related data at the Wellcome Trust"""
__url__ = "https://github.com/wellcometrust/wellcomeml/tree/main"
__author__ = "Wellcome Trust Data Science Team"
__author_email__ = "Grp_datalabs-datascience@Wellcomecloud.onmicrosoft.com"
__license__ = "MIT"
